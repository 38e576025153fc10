import type { AccountView } from './bindings/AccountView';

/** Accounts whose service or name contains every word typed, ignoring case. */
export function filterAccounts(accounts: readonly AccountView[], query: string): AccountView[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...accounts];
  return accounts.filter((a) => {
    const text = `${a.issuer} ${a.name}`.toLocaleLowerCase();
    return words.every((w) => text.includes(w));
  });
}
