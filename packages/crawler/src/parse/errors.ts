/** Broken input the caller must hear about. A page that merely has no article is a NotArticle result. */
export class ParseInputError extends Error {
  override readonly name = 'ParseInputError';
}

/** A per-site selector that is not valid CSS: fix the site's entry in the sites registry. */
export class SiteSelectorError extends Error {
  override readonly name = 'SiteSelectorError';
  constructor(
    readonly field: string,
    readonly selector: string,
    cause: unknown,
  ) {
    super(
      `site selector ${field} = ${JSON.stringify(selector)} is not valid CSS (${cause instanceof Error ? cause.message : String(cause)}); fix the selectors of this site in the sites registry`,
      { cause },
    );
  }
}
