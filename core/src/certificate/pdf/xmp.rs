//! The XMP metadata packet: where archives (PDF/A) and accessibility checkers (PDF/UA)
//! read the title, the language and which standards the file claims. Written by hand
//! rather than with an XMP library because the packet has a fixed shape and the PDF maker
//! is downloaded by every learner who asks for a PDF.

use crate::date::Date;

/// What the packet says; it repeats the document information dictionary, as PDF/A
/// requires the two to agree.
pub(crate) struct Xmp<'a> {
    pub title: &'a str,
    pub subject: &'a str,
    pub lang: &'a str,
    pub creator: &'a str,
    pub producer: &'a str,
    pub date: Option<Date>,
    /// Whether to claim PDF/A-3b and PDF/UA-1: not when a character had to be shown as
    /// the font's missing-glyph box, which both standards forbid.
    pub conforms: bool,
}

/// PDF/A-3 accepts only the XMP schemas it lists, or ones the packet describes itself;
/// the PDF/UA identification is not listed, so it is described here.
const UA_SCHEMA: &str = r#"<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
"#;

impl Xmp<'_> {
    /// The packet as UTF-8, claiming PDF/A-3b and PDF/UA-1 when the document conforms.
    pub(crate) fn packet(&self) -> Vec<u8> {
        let mut x = String::with_capacity(2048);
        x.push_str("<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
        x.push_str("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n");
        x.push_str("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
        x.push_str(
            "<rdf:Description rdf:about=\"\" \
             xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
             xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" \
             xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" \
             xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" \
             xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\" \
             xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\" \
             xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" \
             xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n",
        );
        x.push_str("<dc:format>application/pdf</dc:format>\n");
        for (tag, value) in [("title", self.title), ("description", self.subject)] {
            x.push_str(&format!(
                "<dc:{tag}><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:{tag}>\n",
                crate::xml::escape_text(value)
            ));
        }
        x.push_str(&format!(
            "<dc:language><rdf:Bag><rdf:li>{}</rdf:li></rdf:Bag></dc:language>\n",
            crate::xml::escape_text(self.lang)
        ));
        x.push_str(&format!(
            "<xmp:CreatorTool>{}</xmp:CreatorTool>\n",
            crate::xml::escape_text(self.creator)
        ));
        if let Some(d) = self.date {
            let stamp = format!("{d}T00:00:00Z");
            x.push_str(&format!("<xmp:CreateDate>{stamp}</xmp:CreateDate>\n"));
            x.push_str(&format!("<xmp:ModifyDate>{stamp}</xmp:ModifyDate>\n"));
        }
        x.push_str(&format!(
            "<pdf:Producer>{}</pdf:Producer>\n",
            crate::xml::escape_text(self.producer)
        ));
        if self.conforms {
            x.push_str(
                "<pdfaid:part>3</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n",
            );
            x.push_str("<pdfuaid:part>1</pdfuaid:part>\n");
            x.push_str(UA_SCHEMA);
        }
        x.push_str("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n");
        x.push_str("<?xpacket end=\"w\"?>");
        x.into_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_a_name_is_escaped() {
        let xmp = Xmp {
            title: "Intyg – <img src=x> & \"Å\"\u{1}",
            subject: "Org",
            lang: "sv",
            creator: "Trygg",
            producer: "Trygg",
            date: Date::parse_iso("2025-11-14"),
            conforms: true,
        };
        let text = String::from_utf8(xmp.packet()).expect("UTF-8");
        assert!(text.contains("Intyg – &lt;img src=x&gt; &amp; &quot;Å&quot; </rdf:li>"));
        assert!(text.contains("<xmp:CreateDate>2025-11-14T00:00:00Z</xmp:CreateDate>"));
        assert!(text.contains("<pdfaid:part>3</pdfaid:part>"));
        assert!(!text.contains("<img"));
        let unclaimed = Xmp {
            conforms: false,
            ..xmp
        };
        let text = String::from_utf8(unclaimed.packet()).expect("UTF-8");
        assert!(!text.contains("pdfaid:part") && !text.contains("pdfuaid:part"));
    }
}
