import { z } from 'zod';
import { openWithPassphrase, sealWithPassphrase } from '../bundle/encryption.js';
import { publicKeyOf, type SigningKey } from '../audit/signatures.js';

/**
 * A person's signing key as a file, to move it to another computer or to sign from the command line: the name, the
 * public key and the secret key, sealed under a passphrase as a case file is.
 */
const MAGIC = 'FORESIGHT-SIGNING-KEY\n';

const KeyFileContent = z.object({
  format: z.literal('foresight-signing-key'),
  version: z.literal(1),
  name: z.string(),
  publicKey: z.string().regex(/^[0-9a-f]{64}$/),
  secretKey: z.string().regex(/^[0-9a-f]{64}$/),
});

export function writeKeyFile(key: SigningKey, passphrase: string): Promise<Uint8Array> {
  const content: z.infer<typeof KeyFileContent> = { format: 'foresight-signing-key', version: 1, ...key };
  return sealWithPassphrase(MAGIC, JSON.stringify(content), passphrase);
}

export async function readKeyFile(file: Uint8Array, passphrase: string): Promise<{ ok: true; key: SigningKey } | { ok: false; message: string }> {
  const opened = await openWithPassphrase(MAGIC, 'a Foresight signing key', file, passphrase);
  if (!opened.ok) return opened;
  let json: unknown;
  try {
    json = JSON.parse(opened.json);
  } catch {
    json = null;
  }
  const parsed = KeyFileContent.safeParse(json);
  if (!parsed.success || publicKeyOf(parsed.data.secretKey) !== parsed.data.publicKey) return { ok: false, message: 'the key file is damaged: its content is not a signing key' };
  const { name, publicKey, secretKey } = parsed.data;
  return { ok: true, key: { name, publicKey, secretKey } };
}
