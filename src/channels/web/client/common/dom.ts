/// <reference lib="dom" />

export interface ElementOptions {
  className?: string;
  /** Set as textContent: text from the server or the user is never parsed as HTML. */
  text?: string;
  attrs?: Record<string, string>;
}

/** A new element; the only way this page builds its DOM, so no data ever passes through innerHTML. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, options: ElementOptions = {}, children: readonly Node[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** An element the page's HTML must contain; a missing one is a build mistake, said plainly. */
export function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const node = document.getElementById(id);
  if (!(node instanceof type)) throw new Error(`index.html lacks #${id} (${type.name})`);
  return node;
}

let ids = 0;
/** A fresh id for aria-labelledby and friends. */
export const nextId = (prefix: string): string => `${prefix}-${++ids}`;
