import { RULES } from '../../shared/rules/registry';
import type { Finding, Severity } from '../../shared/rules/types';
import type { SourcePosition } from '../../shared/format/locate';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0, the format code-scanning UIs (GitHub, GitLab, VS Code) read. */
export function toSarif(file: string, findings: readonly Finding[], where: (f: Finding) => SourcePosition | undefined, version: string): object {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'stackdraft',
            version,
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.title,
              shortDescription: { text: r.title },
              fullDescription: { text: r.why },
              defaultConfiguration: { level: LEVEL[r.severity] },
            })),
          },
        },
        results: findings.map((f) => {
          const position = where(f);
          return {
            ruleId: f.rule,
            ruleIndex: RULES.findIndex((r) => r.id === f.rule),
            level: LEVEL[f.severity],
            message: { text: f.tier ? `${f.message} [tier ${f.tier}]` : f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: file },
                  ...(position ? { region: { startLine: position.line, startColumn: position.column } } : {}),
                },
              },
            ],
            properties: { targets: f.targets, path: f.path.join('.'), ...(f.tier ? { tier: f.tier } : {}) },
          };
        }),
      },
    ],
  };
}
