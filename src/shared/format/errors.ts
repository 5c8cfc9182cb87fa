/** Why a file could not be opened; every variant says where when it can. */
export type LoadErrorCode = 'TOO_LARGE' | 'YAML_SYNTAX' | 'NOT_A_TOPOLOGY' | 'UNKNOWN_VERSION' | 'MIGRATION_FAILED' | 'SCHEMA';

export interface LoadProblem {
  code: LoadErrorCode;
  message: string;
  /** 1-based, when known. */
  line?: number;
  column?: number;
  /** Field path like `services[3] (keycloak).image`. */
  field?: string;
}

/** One line a person can read: `file.yaml:12:5 services[3].image: Required`. */
export function formatProblem(problem: LoadProblem, fileName?: string): string {
  const where = [fileName, problem.line, problem.line !== undefined ? problem.column : undefined]
    .filter((part) => part !== undefined)
    .join(':');
  const field = problem.field ? `${problem.field}: ` : '';
  return `${where ? `${where} ` : ''}${field}${problem.message}`;
}
