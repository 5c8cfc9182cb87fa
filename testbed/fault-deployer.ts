/**
 * A deploy in its own process, so that the fault matrix can SIGKILL the deployer mid-phase.
 * Usage: node --import tsx testbed/fault-deployer.ts STATE_DIR TOPOLOGY.json
 * Prints each deploy event as one JSON line on stdout.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { topologySchema } from '../src/shared/model';
import { engineFor } from '../src/main/deploy/testbed-helpers';
import type { Testbed } from './harness';

const [stateDir, topologyFile] = process.argv.slice(2);
if (!stateDir || !topologyFile) throw new Error('usage: fault-deployer.ts STATE_DIR TOPOLOGY.json');
const testbed: Testbed = { stateDir, ...JSON.parse(await readFile(join(stateDir, 'testbed.json'), 'utf8')) };
const topology = topologySchema.parse(JSON.parse(await readFile(topologyFile, 'utf8')));
const { engine, pool } = await engineFor(testbed);
const report = await engine.apply(topology, 'test', { onEvent: (event) => process.stdout.write(`${JSON.stringify(event)}\n`) });
process.stdout.write(`${JSON.stringify({ type: 'report', outcome: report.outcome })}\n`);
await pool.closeAll();
