package ca.businessx.nurture.platform;

import java.util.List;

/**
 * A request the service refuses, with the HTTP status, a machine code and one line per problem.
 * Thrown at the web edge only and rendered as JSON by {@link Web}.
 */
public class ApiError extends NurtureException {
  public record Problem(String field, String problem) {}

  private final int status;
  private final String code;
  private final List<Problem> problems;

  public ApiError(int status, String code, String message, List<Problem> problems) {
    super(message);
    this.status = status;
    this.code = code;
    this.problems = List.copyOf(problems);
  }

  public ApiError(int status, String code, String message) {
    this(status, code, message, List.of());
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public List<Problem> problems() {
    return problems;
  }
}
