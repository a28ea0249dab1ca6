/** A platform's webhook request as the tests, seed and scripts post it to Hosting. */
export interface SignedRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}
