import { runFaultTrial } from '../../testbed/fault-trial';
const [fault, phase] = process.argv.slice(2);
console.log(JSON.stringify(await runFaultTrial(fault as never, Number(phase), 18420), null, 1));
process.exit(0);
