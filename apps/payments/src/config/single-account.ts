/**
 * Phase 1 of several accounts (docs/adr/0012-accounts-are-configuration.md#phase-2): the
 * configuration reads them all, but payments, notifications, saved cards and the reconciler still
 * use one key. A service with more accounts would send every payment with one account's key, so
 * it does not start. Phase 2 deletes this file, its call in loadAccountsConfig and its tests.
 */
export function singleAccountProblems(config: {
  readonly accounts: readonly { readonly id: string }[];
}): string[] {
  if (config.accounts.length <= 1) return [];
  const ids = config.accounts.map((a) => a.id).join(', ');
  return [
    `MSP_ACCOUNTS: ${config.accounts.length} accounts are configured (${ids}), but this build routes payments for one account only; configure one`,
  ];
}
