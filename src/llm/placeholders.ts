/**
 * Placeholders the model writes instead of figures, `{{kind:arg:arg}}` (`{{amount:6}}`,
 * `{{cap:6:model_vouchers}}`, `{{total}}`), and the engine's text the code puts in their place.
 * Spaces just inside the braces are tolerated; anything else brace-like is malformed.
 */
const PLACEHOLDER = /\{\{\s*([A-Za-z]+)((?::[^{}:\s]+)*)\s*\}\}/g;

export interface PlaceholderUse {
  /** Canonical form, `{{kind:args}}`, as the table knows it. */
  token: string;
  kind: string;
  args: string[];
}

export function placeholder(kind: string, ...args: (string | number)[]): string {
  return `{{${[kind, ...args].join(":")}}}`;
}

/** Every placeholder in a text, in order. */
export function scanPlaceholders(text: string): PlaceholderUse[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => {
    const args = match[2] ? match[2].slice(1).split(":") : [];
    return { token: placeholder(match[1]!, ...args), kind: match[1]!, args };
  });
}

/** The text with each placeholder replaced by a space (so "{{a}}0" still leaves its "0" standing). */
export function stripPlaceholders(text: string): string {
  return text.replace(PLACEHOLDER, " ");
}

/** The text with each placeholder replaced by what `valueOf` says, or left as it is if unknown. */
export function fillPlaceholders(text: string, valueOf: (use: PlaceholderUse) => string | undefined): string {
  return text.replace(PLACEHOLDER, (whole, kind: string, rest: string) => {
    const args = rest ? rest.slice(1).split(":") : [];
    return valueOf({ token: placeholder(kind, ...args), kind, args }) ?? whole;
  });
}

/** Placeholders a reply may use, each with the text it stands for in the reader's language. */
export class PlaceholderTable {
  private readonly values = new Map<string, string>();

  /** Registers a placeholder and returns it, ready to put into the model's data. */
  add(text: string, kind: string, ...args: (string | number)[]): string {
    const token = placeholder(kind, ...args);
    this.values.set(token, text);
    return token;
  }

  has(token: string): boolean {
    return this.values.has(token);
  }

  fill(text: string): string {
    return fillPlaceholders(text, (use) => this.values.get(use.token));
  }

  entries(): [string, string][] {
    return [...this.values];
  }
}
