package org.parley.mapper.sip2xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * text/html → XHTML-IM (recommended profile) plus plain text. In the tables the XHTML column omits the
 * {@code <body xmlns=…>} wrapper; {@code \n} in the plain column is a line break.
 */
class XhtmlImWriterTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            Hello                                         => Hello                                    => Hello
            <p>Hi <b>there</b></p>                        => <p>Hi <strong>there</strong></p>         => Hi there
            <i>it</i><em>em</em><strong>s</strong>        => <em>it</em><em>em</em><strong>s</strong> => items
            <u>under</u>                                  => <span style="text-decoration: underline">under</span> => under
            a<br>b<br/>c                                  => a<br/>b<br/>c                            => a\\nb\\nc
            <p>one</p><p>two</p>                          => <p>one</p><p>two</p>                     => one\\ntwo
            <ul><li>x</li><li>y</li></ul>                 => <ul><li>x</li><li>y</li></ul>            => - x\\n- y
            <div>block</div>after                         => blockafter                               => block\\nafter
            <font color=red>red</font>                    => red                                      => red
            <span style="color: red; position: fixed">c</span> => <span style="color: red">c</span>  => c
            <span style="background-color:rgb(1, 2, 3)">c</span> => <span style="background-color: rgb(1, 2, 3)">c</span> => c
            <span style="color: expression(alert(1))">c</span> => <span>c</span>                     => c
            <span style="background-color: url(http://x)">c</span> => <span>c</span>                => c
            <a href="https://example.com/?a=1&amp;b=2">site</a> => <a href="https://example.com/?a=1&amp;b=2">site</a> => site <https://example.com/?a=1&b=2>
            <a href="https://example.com">https://example.com</a> => <a href="https://example.com">https://example.com</a> => https://example.com
            <a href="javascript:alert(1)">click</a>       => click                                    => click
            <a href=" JaVaScRiPt:alert(1)">click</a>      => click                                    => click
            <a href="java&#x09;script:alert(1)">x</a>     => x                                        => x
            <a href="/relative">x</a>                     => x                                        => x
            <a href=https://a.example onclick=evil()>x</a> => <a href="https://a.example">x</a>      => x <https://a.example>
            <img src="https://a.example/i.png" alt="pic" width=10 height="x"> => <img src="https://a.example/i.png" alt="pic" width="10"/> => pic
            <img src="data:image/png;base64,AAAA" alt="pic"> => pic                                   => pic
            <img src="javascript:x">                       =>                                          =>
            <script>alert('x')</script>ok                 => ok                                       => ok
            <SCRIPT type=text/javascript>a<b</SCRIPT>ok   => ok                                       => ok
            <style>p {color:red}</style>ok                => ok                                       => ok
            <html><head><title>T</title></head><body>ok</body></html> => ok                          => ok
            <iframe src=https://evil.example></iframe>ok  => ok                                       => ok
            <!-- secret -->ok                             => ok                                       => ok
            <![CDATA[<b>raw</b>]]>                        => &lt;b&gt;raw&lt;/b&gt;                  => <b>raw</b>
            <?xml version="1.0"?><!DOCTYPE html>ok        => ok                                       => ok
            <p onclick="evil()" class=x id=y>ok</p>       => <p>ok</p>                                => ok
            <b><i>x</b></i>                               => <strong><em>x</em></strong>              => x
            </p>stray                                     => stray                                    => stray
            <p>unclosed <b>bold                           => <p>unclosed <strong>bold</strong></p>    => unclosed bold
            1 < 2 & 3 > 2                                 => 1 &lt; 2 &amp; 3 &gt; 2                  => 1 < 2 & 3 > 2
            &lt;b&gt; &amp;amp; &nbsp;&copy;&#233;&#xE9;&bogus; => &lt;b&gt; &amp;amp; \u00a0©éé&amp;bogus; => <b> &amp; \u00a0©éé&bogus;
            &#0;&#xD800;&#1114112;                        => \ufffd\ufffd\ufffd                       => \ufffd\ufffd\ufffd
            it's "quoted"                                 => it&apos;s &quot;quoted&quot;            => it's "quoted"
            <pre>  two  spaces</pre>                      => `  two  spaces`                          => two  spaces
            a    b\\n\\n\\n\\nc                           => a    b\\n\\n\\n\\nc                      => a b c
            """)
    void convertsHtmlSafely(String html, String xhtml, String plain) {
        XhtmlImWriter.HtmlContent content = XhtmlImWriter.convert(unescape(html));
        assertThat(content.xhtmlBody()).isEqualTo("<body xmlns=\"http://www.w3.org/1999/xhtml\">"
                + unescape(xhtml == null ? "" : xhtml) + "</body>");
        assertThat(content.plainText()).isEqualTo(unescape(plain == null ? "" : plain));
        assertWellFormed(content.xhtmlBody());
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n").replace("\\u00a0", "\u00a0").replace("\\ufffd", "\ufffd");
    }

    private static void assertWellFormed(String xml) {
        try {
            XMLStreamReader reader = XMLInputFactory.newDefaultFactory()
                    .createXMLStreamReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            while (reader.hasNext()) {
                reader.next();
            }
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + xml, e);
        }
    }
}
