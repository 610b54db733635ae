package ca.businessx.nurture.notion;

/** An error answer of the fake, in Notion's shape. */
final class FakeNotionError extends RuntimeException {
  final int status;
  final String code;

  FakeNotionError(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  static FakeNotionError validation(String message) {
    return new FakeNotionError(400, "validation_error", message);
  }

  static FakeNotionError notFound(String what, String id) {
    return new FakeNotionError(
        404,
        "object_not_found",
        "Could not find "
            + what
            + " with ID: "
            + id
            + ". Make sure the relevant pages and databases are shared with your integration.");
  }
}
