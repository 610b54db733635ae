package ca.businessx.nurture.console;

import ca.businessx.nurture.contact.ProfileProposals;
import ca.businessx.nurture.platform.ApiError;
import ca.businessx.nurture.platform.Database;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** A person accepts a profile change a repeated signup proposed: a console form and an API call. */
final class ProposalActions {
  private final Database db;
  private final ConsoleAuth auth;
  private final Clock clock;
  private final ProfileProposals proposals = new ProfileProposals();

  ProposalActions(Database db, ConsoleAuth auth, Clock clock) {
    this.db = db;
    this.auth = auth;
    this.clock = clock;
  }

  void acceptForm(Context ctx) {
    auth.checkPost(ctx);
    String contact = ctx.pathParam("id");
    String back = "/console/leads/" + URLEncoder.encode(contact, StandardCharsets.UTF_8);
    String outcome =
        accept(ctx).isPresent() ? "notice=accepted" : "error=" + encode("No such open proposal.");
    ctx.redirect(back + "?" + outcome);
  }

  void acceptApi(Context ctx) {
    ConsoleAuth.checkOrigin(ctx);
    ProfileProposals.Proposal p =
        accept(ctx)
            .orElseThrow(
                () ->
                    new ApiError(
                        404, "not_found", "this contact has no open proposal with that id"));
    ctx.json(Map.of("accepted", p));
  }

  private Optional<ProfileProposals.Proposal> accept(Context ctx) {
    return db.inTransaction(
        h -> proposals.accept(h, ctx.pathParam("id"), ctx.pathParam("proposal"), clock.instant()));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
