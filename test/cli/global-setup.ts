/**
 * Builds the `kartta` command once for the whole test run (see scripts/build-cli.ts), so that the CLI tests
 * run the built binary as a user would.
 */
import { buildCli } from '../../scripts/build-cli.js';

export default async function setup(): Promise<void> {
  await buildCli();
}
