// The command line (docs/command-line.md), over the same shared/ code as the app.
// Exit codes: 0 done and clean, 1 the data has errors, 2 the command itself was wrong (one line on stderr).
import { parseArgs, UsageError } from './args.js';
import { asOf, bundle, check, COMMANDS, decrypt, encrypt, keygen, verify, type CliIo } from './commands.js';
import { flags } from './review.js';
import { report } from './report.js';
import { merge, respond } from './reply.js';
import { pseudonymiseCommand } from './pseudonymise.js';

export async function run(argv: readonly string[], cliIo: CliIo): Promise<number> {
  try {
    const args = parseArgs(argv, COMMANDS);
    const command = { check, bundle, 'as-of': asOf, verify, encrypt, decrypt, keygen, flags, report, respond, merge, pseudonymise: pseudonymiseCommand }[args.command as keyof typeof COMMANDS];
    return await command(args, cliIo);
  } catch (e) {
    if (e instanceof UsageError) {
      cliIo.stderr(`foresight: ${e.message}`);
      return 2;
    }
    throw e;
  }
}
