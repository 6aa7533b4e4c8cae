/**
 * The address a request came from, for rate limiting. Behind `trustProxy` reverse proxies, each
 * appends the address it saw to X-Forwarded-For, so the client is the entry that many places
 * from the right; entries further left were written by the client and prove nothing.
 */
export function clientIp(socketAddress: string | undefined, forwardedFor: string | undefined, trustProxy: number): string {
  const direct = socketAddress ?? "unknown";
  if (trustProxy === 0 || forwardedFor === undefined) return direct;
  const hops = forwardedFor.split(",").map((part) => part.trim()).filter((part) => part !== "");
  if (hops.length === 0) return direct;
  return hops[Math.max(0, hops.length - trustProxy)]!;
}
