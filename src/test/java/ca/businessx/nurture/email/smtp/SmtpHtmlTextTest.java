package ca.businessx.nurture.email.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmtpHtmlTextTest {

  @Test
  void keepsStructureAndLinkTargets() {
    String html =
        "<p>Hello&nbsp;Ana,</p><p>Read <a href='https://n.test/a?b=1&amp;c=2'>the <b>guide</b></a>"
            + " or visit <a href=\"https://n.test\">https://n.test</a>.</p><ul><li>One</li><li>Two</li></ul>"
            + "Line<br>break &lt;ok&gt; &#233;t&#xE9; &bogus; &#99999999999;";

    assertThat(HtmlText.from(html))
        .isEqualTo(
            """
        Hello Ana,

        Read the guide (https://n.test/a?b=1&c=2) or visit https://n.test.

        - One
        - Two

        Line
        break <ok> été &bogus; &#99999999999;""");
  }

  @Test
  void dropsStylesScriptsAndComments() {
    String html =
        "<html><head><title>T</title><style>p{color:red}</style></head>"
            + "<body><!-- hidden --><script>alert(1)</script><div>Shown</div></body></html>";

    assertThat(HtmlText.from(html)).isEqualTo("Shown");
  }
}
