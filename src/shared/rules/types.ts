import type { Topology } from '../model';
import type { RuleContext, TierContext } from './context';

export type Severity = 'error' | 'warning' | 'info';

/** Severities from worst to mildest; a finding's rank is its index here. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** A model element a finding points at; the canvas selects it, the CLI names it. */
export type ElementRef =
  | { readonly kind: 'service'; readonly id: string }
  | { readonly kind: 'host'; readonly id: string; readonly tier: string }
  | { readonly kind: 'dependency'; readonly from: string; readonly to: string }
  | { readonly kind: 'plane'; readonly id: string };

/** One problem a rule found. Plain data: it crosses to the CLI's JSON and SARIF as is. */
export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  /** The elements involved, the first being the one to select. */
  readonly targets: readonly ElementRef[];
  /** Where in the document (data path) to point an editor or a line number at. */
  readonly path: readonly (string | number)[];
  /** The tier the finding holds in; absent = it holds whatever the tier. */
  readonly tier?: string;
  /** Title of the quick fix, when the rule has one for this finding. */
  readonly fix?: string;
}

export type Emit = (finding: Omit<Finding, 'rule'> & { rule?: string }) => void;

/** How a rule reads the model, so that the incremental validator knows what to re-run. */
export type RuleScope =
  /** A pure function of one service object: re-run only for services that changed. */
  | 'service'
  /** Reads services' graph fields, dependencies, planes and environments: runs once per document. */
  | 'graph'
  /** Reads one tier's hosts and placements too: runs once per tier. */
  | 'tier'
  /** Reads one host of a tier and the services placed on it: re-run only for hosts whose services changed. */
  | 'host';

interface RuleBase {
  readonly id: string;
  readonly title: string;
  /** The worst severity the rule reports. */
  readonly severity: Severity;
  /** One sentence: why this matters to the people running the system. */
  readonly why: string;
  /** Applies the quick fix of a finding of this rule; returns a new topology, or undefined when it no longer applies. */
  readonly fix?: (topology: Topology, finding: Finding) => Topology | undefined;
}

export interface ServiceRule extends RuleBase {
  readonly scope: 'service';
  /** `index` is the service's position in `topology.services` (for the finding's path). */
  check(service: Topology['services'][number], index: number, emit: Emit): void;
}

export interface GraphRule extends RuleBase {
  readonly scope: 'graph';
  check(context: RuleContext, emit: Emit): void;
}

export interface TierRule extends RuleBase {
  readonly scope: 'tier';
  check(context: RuleContext, tier: TierContext, emit: Emit): void;
}

export interface HostRule extends RuleBase {
  readonly scope: 'host';
  check(context: RuleContext, tier: TierContext, host: number, emit: Emit): void;
}

export type Rule = ServiceRule | GraphRule | TierRule | HostRule;
