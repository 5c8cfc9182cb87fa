/** Short human forms of the model's units, shared by the canvas, reports and exports. */

/** 0.5 → "0.5", 2 → "2", 0.125 → "0.13". */
export function formatNumber(value: number, maxDecimals = 2): string {
  const factor = 10 ** maxDecimals;
  const rounded = Math.round(value * factor) / factor;
  return String(rounded);
}

/** CPU cores: 0.5 → "0.5 cpu", 4 → "4 cpu". */
export function formatCpu(cores: number): string {
  return `${formatNumber(cores)} cpu`;
}

/** Memory: 512 → "512 MiB", 1024 → "1 GiB", 1536 → "1.5 GiB", 2097152 → "2 TiB". */
export function formatMemory(mib: number): string {
  if (mib >= 1024 * 1024) return `${formatNumber(mib / (1024 * 1024), 1)} TiB`;
  if (mib >= 1024) return `${formatNumber(mib / 1024, 2)} GiB`;
  return `${formatNumber(mib, 0)} MiB`;
}

/**
 * A request–limit pair: "0.5–1 cpu", "512 MiB–1 GiB", "1–2 GiB", "≤1 GiB" (limit only),
 * "≥0.5 cpu" (request only), "1 cpu" (equal), undefined when neither is set.
 */
export function formatRange(
  value: { request?: number; limit?: number } | undefined,
  unit: 'cpu' | 'memory',
): string | undefined {
  const request = value?.request;
  const limit = value?.limit;
  if (unit === 'cpu') {
    if (request !== undefined && limit !== undefined) {
      return request === limit ? formatCpu(limit) : `${formatNumber(request)}–${formatCpu(limit)}`;
    }
    if (limit !== undefined) return `≤${formatCpu(limit)}`;
    if (request !== undefined) return `≥${formatCpu(request)}`;
    return undefined;
  }
  if (request !== undefined && limit !== undefined) {
    if (request === limit) return formatMemory(limit);
    const [from, fromUnit] = splitUnit(formatMemory(request));
    const [to, toUnit] = splitUnit(formatMemory(limit));
    return fromUnit === toUnit ? `${from}–${to} ${toUnit}` : `${from} ${fromUnit}–${to} ${toUnit}`;
  }
  if (limit !== undefined) return `≤${formatMemory(limit)}`;
  if (request !== undefined) return `≥${formatMemory(request)}`;
  return undefined;
}

function splitUnit(text: string): [string, string] {
  const space = text.lastIndexOf(' ');
  return [text.slice(0, space), text.slice(space + 1)];
}

/** The caps line of a service: "0.5–1 cpu · 512 MiB–1 GiB"; "no caps" when it has none. */
export function formatCaps(resources: {
  cpu?: { request?: number; limit?: number };
  memoryMiB?: { request?: number; limit?: number };
}): string {
  const parts = [formatRange(resources.cpu, 'cpu'), formatRange(resources.memoryMiB, 'memory')].filter(
    (part): part is string => part !== undefined,
  );
  return parts.length > 0 ? parts.join(' · ') : 'no caps';
}

// Building an Intl.NumberFormat costs about a millisecond; the palette and tier bar format
// dozens of prices per render, with a handful of distinct settings.
const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Whole amounts without decimals: 41.5 EUR → "€41.50", 120 EUR → "€120". */
export function formatMoney(amount: number, currency: string, locale = 'en'): string {
  const whole = Number.isInteger(amount);
  const key = `${locale} ${currency} ${whole}`;
  try {
    let format = moneyFormats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 });
      moneyFormats.set(key, format);
    }
    return format.format(amount);
  } catch {
    return `${formatNumber(amount)} ${currency}`;
  }
}

/** 0.834 → "83 %". */
export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)} %`;
}
