import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Deployment } from 'kubernetes-models/apps/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Secret, Service } from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { environmentProblems } from '../apps/payments/src/config/environment.js';
import { ROOT } from './support/process.js';

/**
 * No cluster runs here, so the kustomize base in deploy/k8s is checked two ways: each manifest
 * against the Kubernetes API schemas (kubernetes-models: types, required fields, enums), and the
 * invariants that keep the service safe with several replicas. The schemas tolerate unknown
 * fields, so each invariant below reads the exact field it relies on: a misspelt one fails it.
 */

const DIR = `${ROOT}deploy/k8s/`;
const MODELS = {
  'apps/v1/Deployment': Deployment,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
} as const;

interface Manifest {
  file: string;
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  [key: string]: unknown;
}

function load(file: string): unknown[] {
  const docs = parseAllDocuments(readFileSync(`${DIR}${file}`, 'utf8'));
  return docs.map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]?.message}`);
    return doc.toJS() as unknown;
  });
}

const kustomization = load('kustomization.yaml')[0] as {
  apiVersion: string;
  kind: string;
  resources: string[];
};
const manifests: Manifest[] = kustomization.resources.flatMap((file) =>
  load(file).map((doc) => ({ ...(doc as Manifest), file })),
);
const one = <T>(kind: string): T & Manifest => {
  const found = manifests.filter((m) => m.kind === kind);
  if (found.length !== 1) throw new Error(`${found.length} ${kind} manifests, expected 1`);
  return found[0] as T & Manifest;
};

const deployment = one<Deployment>('Deployment');
const pod = deployment.spec?.template.spec;
const container = pod?.containers[0];
const configMap = one<ConfigMap>('ConfigMap');
const secret = one<Secret>('Secret');
const service = one<Service>('Service');
const pdb = one<PodDisruptionBudget>('PodDisruptionBudget');

describe('deploy/k8s: the kustomize base', () => {
  it('should list every manifest in the directory, and only files that exist', () => {
    expect(kustomization).toMatchObject({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
    });
    const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml');
    expect([...kustomization.resources].sort()).toEqual(files.sort());
  });

  it.each(manifests.map((m) => [`${m.file}: ${m.kind} ${m.metadata.name}`, m] as const))(
    'should be valid against the Kubernetes schema: %s',
    (_name, manifest) => {
      const Model = MODELS[`${manifest.apiVersion}/${manifest.kind}` as keyof typeof MODELS];
      expect(
        Model,
        `${manifest.apiVersion} ${manifest.kind} is not one this test knows`,
      ).toBeDefined();
      const { file: _file, ...body } = manifest;
      expect(() => new Model(body as never).validate()).not.toThrow();
    },
  );

  it('should have the schema check reject a broken manifest (so the check above can fail)', () => {
    const broken = structuredClone(deployment) as Manifest;
    const { file: _file, ...body } = broken;
    (body as unknown as { spec: { replicas: unknown } }).spec.replicas = 'two';
    expect(() => new Deployment(body as never).validate()).toThrow(/replicas must be integer/);
  });

  it('should run 2 replicas, rolling one at a time with none unavailable', () => {
    expect(deployment.spec?.replicas).toBe(2);
    expect(deployment.spec?.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: 1, maxUnavailable: 0 },
    });
  });

  it('should probe /health/live and /health/ready on the port that serves them', () => {
    const ports = new Map((container?.ports ?? []).map((p) => [p.name, p.containerPort]));
    const portOf = (port: number | string | undefined) =>
      typeof port === 'string' ? ports.get(port) : port;
    // With MANAGEMENT_PORT, /health is served there only (the public port answers 404).
    const healthPort = Number(configMap.data?.MANAGEMENT_PORT ?? configMap.data?.PORT);
    expect(ports.get('http')).toBe(Number(configMap.data?.PORT));
    for (const [probe, path] of [
      [container?.startupProbe, '/health/live'],
      [container?.livenessProbe, '/health/live'],
      [container?.readinessProbe, '/health/ready'],
    ] as const) {
      expect(probe?.httpGet?.path).toBe(path);
      expect(portOf(probe?.httpGet?.port)).toBe(healthPort);
    }
    expect(deployment.spec?.template.metadata?.annotations?.['prometheus.io/port']).toBe(
      String(healthPort),
    );
  });

  it('should set requests and limits', () => {
    expect(container?.resources?.requests).toMatchObject({
      cpu: expect.any(String),
      memory: expect.any(String),
    });
    expect(container?.resources?.limits).toMatchObject({ memory: expect.any(String) });
  });

  it('should run as the non-root user of the image, on a read-only root filesystem', () => {
    expect(pod?.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    expect(container?.securityContext).toMatchObject({
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
    // The only writable path is an emptyDir.
    const tmp = container?.volumeMounts?.find((m) => m.mountPath === '/tmp');
    expect(pod?.volumes?.find((v) => v.name === tmp?.name)?.emptyDir).toBeDefined();
  });

  it('should build an image that runs as that user and listens on that port', () => {
    const dockerfile = readFileSync(`${ROOT}Dockerfile`, 'utf8');
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    const users = [...runtime.matchAll(/^USER (\S+)$/gm)].map((m) => m[1]);
    expect(users).toEqual([
      `${pod?.securityContext?.runAsUser}:${pod?.securityContext?.runAsGroup}`,
    ]);
    expect(runtime).toMatch(new RegExp(`^EXPOSE ${configMap.data?.PORT}$`, 'm'));
    expect(runtime).toMatch(new RegExp(`PORT=${configMap.data?.PORT}\\b`));
  });

  it('should select the Deployment pods from the Service and the PodDisruptionBudget', () => {
    const podLabels = deployment.spec?.template.metadata?.labels ?? {};
    expect(deployment.spec?.selector.matchLabels).toEqual(
      expect.objectContaining(service.spec?.selector ?? { missing: 'selector' }),
    );
    for (const selector of [
      deployment.spec?.selector.matchLabels,
      service.spec?.selector,
      pdb.spec?.selector?.matchLabels,
    ]) {
      expect(Object.keys(selector ?? {}).length).toBeGreaterThan(0);
      expect(podLabels).toMatchObject(selector ?? {});
    }
    expect(pdb.spec?.minAvailable).toBe(1);
    expect(service.spec?.ports?.[0]?.targetPort).toBe('http');
  });

  it('should take config from the ConfigMap and credentials from the Secret, all present', () => {
    const refs = container?.env ?? [];
    for (const from of container?.envFrom ?? []) {
      if (from.configMapRef) expect(from.configMapRef.name).toBe(configMap.metadata.name);
      if (from.secretRef) expect(from.secretRef.name).toBe(secret.metadata.name);
    }
    for (const env of refs) {
      const cm = env.valueFrom?.configMapKeyRef;
      const sk = env.valueFrom?.secretKeyRef;
      expect(cm ?? sk, `${env.name} comes from neither`).toBeDefined();
      expect(env.value, `${env.name}: no literal values`).toBeUndefined();
      if (cm) {
        expect(cm.name).toBe(configMap.metadata.name);
        if (!cm.optional) expect(Object.keys(configMap.data ?? {})).toContain(cm.key);
      }
      if (sk) {
        expect(sk.name).toBe(secret.metadata.name);
        if (!sk.optional) expect(Object.keys(secret.stringData ?? {})).toContain(sk.key);
      }
    }
    const secrets = refs.filter((e) => e.valueFrom?.secretKeyRef).map((e) => e.name);
    expect(secrets).toEqual(
      expect.arrayContaining(['DATABASE_URL', 'API_KEYS', 'MSP_API_KEY', 'TOKEN_ENCRYPTION_KEY']),
    );
    // No credential in the ConfigMap, and no secret key the Deployment ignores.
    for (const key of Object.keys(configMap.data ?? {})) {
      expect([
        'DATABASE_URL',
        'API_KEYS',
        'MSP_API_KEY',
        'AMQP_URL',
        'TOKEN_ENCRYPTION_KEY',
      ]).not.toContain(key);
    }
    for (const key of Object.keys(secret.stringData ?? {})) expect(secrets).toContain(key);
  });

  it('should give the service everything it checks at start-up in production', () => {
    // The Secret's values are placeholders; real ones of the right shape stand in for them.
    const real: Record<string, string> = {
      DATABASE_URL: 'postgres://payments:s3cret@postgres.example.internal:5432/payments',
      API_KEYS: 'shop:0123456789abcdef0123456789abcdef',
      MSP_API_KEY: 'msp-live-key',
      TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    };
    const env: Record<string, string> = { ...(configMap.data ?? {}) };
    for (const ref of container?.env ?? []) {
      const key = ref.valueFrom?.secretKeyRef?.key;
      if (key && !ref.valueFrom?.secretKeyRef?.optional) {
        expect(real[key], `a real value for ${key}`).toBeDefined();
        env[ref.name] = real[key] ?? '';
      }
    }
    expect(env.NODE_ENV).toBe('production');
    expect(environmentProblems(env)).toEqual([]);
    // And the placeholders themselves are refused, never run with.
    const placeholders = { ...env, ...(secret.stringData ?? {}) };
    expect(environmentProblems(placeholders).join('\n')).toMatch(/TOKEN_ENCRYPTION_KEY/);
  });

  it('should only set variables the service reads (those in the README and docs/operations.md)', () => {
    const documented = `${readFileSync(`${ROOT}README.md`, 'utf8')}\n${readFileSync(`${ROOT}docs/operations.md`, 'utf8')}`;
    const names = [
      ...Object.keys(configMap.data ?? {}),
      ...Object.keys(secret.stringData ?? {}),
      ...(container?.env ?? []).map((e) => e.name),
    ];
    for (const name of names) {
      expect(documented, `${name} is not documented`).toMatch(new RegExp(`\`${name}\``));
    }
  });

  it('should satisfy the production start-up checks (NODE_ENV=production needs these)', () => {
    expect(configMap.data?.NODE_ENV).toBe('production');
    expect(configMap.data?.PUBLIC_BASE_URL).toMatch(/^https:\/\//);
    expect(configMap.data?.MSP_ENV).not.toBe('sandbox');
    expect(existsSync(`${ROOT}docs/operations.md`)).toBe(true);
  });
});
