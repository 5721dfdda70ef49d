/**
 * Confidence that means the same on kb/'s two articles as on ten thousand: adjustments of the
 * share-of-the-question confidence (searchIndex.ts) by what a typical knowledge base says.
 */

/** Up to this many articles of a typical knowledge base may match what the best one matched. */
const UNAMBIGUOUS_ARTICLES = 2;
const AMBIGUITY_EXPONENT = 0.5;

/**
 * How far to trust a match that many articles of a typical knowledge base (the prior) would
 * make as well: "how do I restart the server" matches KA-05406's words, and a dozen other
 * articles' too. 1 when at most UNAMBIGUOUS_ARTICLES would, less the more there are.
 */
export function ambiguityFactor(articles: number | undefined): number {
  if (articles === undefined || articles <= UNAMBIGUOUS_ARTICLES) return 1;
  return (UNAMBIGUOUS_ARTICLES / articles) ** AMBIGUITY_EXPONENT;
}
