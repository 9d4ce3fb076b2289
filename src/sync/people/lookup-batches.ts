// How a set of addresses becomes Graph requests (GRAPH-FACTS §5, §7): at most 15 values per `in` filter, each chunk
// asked on `mail` and on `userPrincipalName` (two requests, as users.ts sends them), at most 20 requests per `$batch`
// envelope. Microsoft throttles each inner request on its own, so the cost model (cost/) counts `requests`; the
// envelopes are HTTP exchanges. The lookup itself runs in rounds (resolve-person.ts `nextLookupValues`): every due
// person's e-mail first, then `email_alt` only for those the e-mail did not find, so no address is asked for in vain.

/** Graph's limit on the values of one `in` (users.ts MAX_VALUES_PER_IN_FILTER). */
export const MAX_VALUES_PER_IN_FILTER = 15;
/** `mail in (…)` and `userPrincipalName in (…)`. */
export const LOOKUP_REQUESTS_PER_CHUNK = 2;
/** Graph's limit on the inner requests of one `$batch` (GRAPH-FACTS §7). */
export const MAX_REQUESTS_PER_BATCH = 20;

export interface LookupBatches {
  /** The distinct lower-case addresses, in groups of at most 15. */
  chunks: string[][];
  /** Graph requests (each inner request of a `$batch` counts, as Microsoft throttles each). */
  requests: number;
  /** `$batch` envelopes (HTTP exchanges). */
  envelopes: number;
}

export function lookupBatches(values: Iterable<string>): LookupBatches {
  const distinct = [...new Set([...values].map((value) => value.trim().toLowerCase()).filter((v) => v !== ''))];
  const chunks: string[][] = [];
  for (let i = 0; i < distinct.length; i += MAX_VALUES_PER_IN_FILTER) {
    chunks.push(distinct.slice(i, i + MAX_VALUES_PER_IN_FILTER));
  }
  const requests = chunks.length * LOOKUP_REQUESTS_PER_CHUNK;
  return { chunks, requests, envelopes: Math.ceil(requests / MAX_REQUESTS_PER_BATCH) };
}
