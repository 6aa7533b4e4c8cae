/**
 * A printable report is a document of its own: inline CSS, no scripts, nothing fetched. Its
 * responses carry this policy instead of the page's (the app keeps a CSP a route has set).
 */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/**
 * Headers on every response. The CSP allows only this server's own scripts, styles, fonts and
 * images (no inline code, no third-party host: many government networks block CDNs anyway);
 * `frameAncestors` says who may show the page in a frame ('self' by default: portals link to
 * it; an operator lists the portals that embed it in FRAME_ANCESTORS).
 */
export function securityHeaders(frameAncestors: string): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
  return {
    "content-security-policy": csp,
    "x-content-type-options": "nosniff",
    // Conversation ids never appear in URLs, but nothing about a visit needs to leave with a link either.
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
    // Browsers too old for frame-ancestors: the same default in the older header.
    ...(frameAncestors === "'self'" ? { "x-frame-options": "SAMEORIGIN" } : frameAncestors === "'none'" ? { "x-frame-options": "DENY" } : {}),
  };
}
