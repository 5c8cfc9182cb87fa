import type { ServiceKind } from '../../model';

/** Mermaid node shapes by service kind, so a map reads like seed 000: stores as cylinders. */
export function shaped(kind: ServiceKind | 'group', label: string): string {
  switch (kind) {
    case 'database':
    case 'cache':
      return `[(${label})]`;
    case 'queue':
      return `[[${label}]]`;
    case 'proxy':
      return `{{${label}}}`;
    case 'job':
      return `[/${label}/]`;
    case 'external':
      return `(${label})`;
    case 'group':
      return `[${label}]`;
    case 'app':
    case 'static':
      return `[${label}]`;
  }
}
