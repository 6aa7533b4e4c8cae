/**
 * Where the console is, in the URL's fragment (`#/cases?q=acme&page=2`): the server serves one page
 * at /staff/, a reload or a link lands on the same view, and after a session ends the sign-in
 * form shows without touching the fragment, so signing in again returns to it.
 */
export type Route =
  | { page: "dashboard"; query: URLSearchParams }
  | { page: "cases"; query: URLSearchParams }
  | { page: "case"; caseId: string }
  | { page: "batch" }
  | { page: "audit"; query: URLSearchParams };

export type PageName = Route["page"];

export function parseRoute(hash: string): Route {
  const [path = "", search = ""] = hash.replace(/^#/, "").split("?", 2);
  const query = new URLSearchParams(search);
  const parts = path.split("/").filter((part) => part !== "");
  if (parts[0] === "cases" && parts.length === 2) return { page: "case", caseId: decodeURIComponent(parts[1]!) };
  if (parts[0] === "cases") return { page: "cases", query };
  if (parts[0] === "batch") return { page: "batch" };
  if (parts[0] === "audit") return { page: "audit", query };
  return { page: "dashboard", query };
}

export function routeHash(route: Route): string {
  switch (route.page) {
    case "case":
      return `#/cases/${encodeURIComponent(route.caseId)}`;
    case "batch":
      return "#/batch";
    default: {
      const search = withoutEmpty(route.query).toString();
      return `#/${route.page}${search ? `?${search}` : ""}`;
    }
  }
}

/** Only the filters that say something, so links stay short and equal filters give equal links. */
export function withoutEmpty(query: URLSearchParams): URLSearchParams {
  return new URLSearchParams([...query].filter(([, value]) => value !== ""));
}

/** Which entry of the navigation a route belongs to. */
export const navOf = (route: Route): PageName => (route.page === "case" ? "cases" : route.page);
