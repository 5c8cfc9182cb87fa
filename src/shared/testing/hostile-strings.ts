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

/** Markup that would run or inject if an export or its preview let it through. */
export const MARKUP_HOSTILE_STRINGS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '" onmouseover="window.__pwned=1" x="',
  "'><svg onload=window.__pwned=1>",
  'x"]; click svc_db call alert(1) %% end',
  '%%{init: {"securityLevel": "loose"}}%%',
  '<foreignObject><iframe src="javascript:window.__pwned=1"></iframe></foreignObject>',
  '#quot;#lt;b#gt; &lt;b&gt; &amp;',
  ':::danger ]] --> [[ -.-> subgraph end',
  '**md** `code` [link](javascript:alert(1))',
];

/** Every string the export tests throw at names, labels and values. */
export const EXPORT_HOSTILE_STRINGS = [...HOSTILE_STRINGS, ...MARKUP_HOSTILE_STRINGS];
