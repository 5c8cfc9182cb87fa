// Strings that have broken other tools: shell metacharacters, traversal, control
// characters, very long and unusual unicode. They may be values, never names or paths.
/** For tests of names, env values, exports and deploys. */
export const HOSTILE_STRINGS = [
  `it's "quoted"`,
  '$(touch /tmp/stackdraft-canary)',
  '`touch /tmp/stackdraft-canary`',
  'a; rm -rf /',
  'line\nbreak',
  'carriage\rreturn',
  '../../etc/passwd',
  'x'.repeat(5000),
  'émoji 🚀 and RTL \u202e',
  '<script>alert(1)</script>',
  '${HOME} %s {{.}}',
];
