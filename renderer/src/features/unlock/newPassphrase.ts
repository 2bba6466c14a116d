import { MIN_PASSPHRASE } from '../../store/keyring.js';

export interface NewPassphraseErrors {
  passphrase?: string;
  again?: string;
}

/** A new passphrase (for the store, or for a case file) must be long enough, and typed the same twice. */
export function newPassphraseErrors(passphrase: string, again: string): NewPassphraseErrors {
  if (passphrase.length < MIN_PASSPHRASE) return { passphrase: `Enter a passphrase of at least ${MIN_PASSPHRASE} characters` };
  if (again !== passphrase) return { again: 'The two passphrases are not the same' };
  return {};
}
