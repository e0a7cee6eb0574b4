/**
 * A website at MultiSafepay: one API key, with its own orders, refunds, captures and
 * notifications, signed with that key (docs/multisafepay.md#environments-and-authentication).
 */
export interface Site {
  /** What the control surface calls it; the key itself is never shown. */
  name: string;
  apiKey: string;
  /**
   * The MultiSafepay account it belongs to (the name of that account's first site). Tokens belong
   * to the account (docs/multisafepay.md#tokens): only sites of one account share them.
   */
  account: string;
}

/** Names are shown by the control surface and name a site in its calls: short, no spaces. */
const SITE_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * The sites of the sandbox: one per API key, named by `names` (else `site-1`, `site-2`, … in the
 * order of the keys), each its own MultiSafepay account unless `sharedTokens` puts several in one.
 * Throws on a configuration that would make a call ambiguous.
 */
export function resolveSites(
  apiKeys: readonly string[],
  names: Readonly<Record<string, string>> = {},
  sharedTokens: readonly (readonly string[])[] = [],
): Site[] {
  const problems: string[] = [];
  if (apiKeys.length === 0) problems.push('at least one API key is needed');
  if (new Set(apiKeys).size !== apiKeys.length) problems.push('an API key is listed twice');
  const sites = apiKeys.map((apiKey, i) => {
    const name = names[apiKey] ?? `site-${i + 1}`;
    if (!SITE_NAME.test(name)) problems.push(`site name '${name}' is not [A-Za-z0-9_.-]{1,64}`);
    return { name, apiKey, account: name };
  });
  if (new Set(sites.map((s) => s.name)).size !== sites.length)
    problems.push('two sites have the same name');
  const grouped = new Set<string>();
  for (const group of sharedTokens) {
    const members = group.map((key) => sites.find((s) => s.apiKey === key));
    if (members.some((m) => m === undefined))
      problems.push('a key shared for tokens is not one of the API keys');
    for (const key of group) {
      if (grouped.has(key)) problems.push('a key is in two accounts');
      grouped.add(key);
    }
    const first = members[0];
    if (first) for (const member of members) if (member) member.account = first.name;
  }
  if (problems.length > 0) throw new Error(`MultiSafepay sandbox: ${problems.join('; ')}`);
  return sites;
}

/** The last 4 characters of a key (none of a short one), as the control surface shows it. */
export function keyHint(apiKey: string): string {
  return apiKey.length > 8 ? `…${apiKey.slice(-4)}` : '…';
}
