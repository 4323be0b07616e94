import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { BidiParts, BidiText, Isolate, Labelled, Ltr } from './BidiText';

describe('BidiText', () => {
  it('isolates dates, references and numbers, and escapes everything', () => {
    const html = renderToStaticMarkup(<BidiText text="قدم في 2026-11-03 للطلب REQ-2026-000147 <b>x</b> بمبلغ 1,500.00" />);
    expect(html).toBe(
      'قدم في <bdi dir="ltr">2026-11-03</bdi> للطلب <bdi dir="ltr">REQ-2026-000147</bdi> &lt;b&gt;x&lt;/b&gt; بمبلغ <bdi dir="ltr">1,500.00</bdi>',
    );
  });
  it('isolates file names, column names and quoted values (a refused reconciliation file)', () => {
    const html = renderToStaticMarkup(<BidiText text='رُفض الملف day-1.csv: السطر 3، العمود amount_halalas: "fifty" ليس عدداً' />);
    expect(html).toBe(
      'رُفض الملف <bdi dir="ltr">day-1.csv</bdi>: السطر 3، العمود <bdi dir="ltr">amount_halalas</bdi>: <bdi dir="ltr">&quot;fifty&quot;</bdi> ليس عدداً',
    );
  });
  it('keeps a number pattern whole: "05XXXXXXXX" does not turn into "XXXXXXXX05"', () => {
    const html = renderToStaticMarkup(<BidiText text={'الجوال 0412 (المطلوب 05XXXXXXXX أو \u200e+9665XXXXXXXX)'} />);
    expect(html).toBe('الجوال <bdi dir="ltr">0412</bdi> (المطلوب <bdi dir="ltr">05XXXXXXXX</bdi> أو <bdi dir="ltr">\u200e+9665XXXXXXXX</bdi>)');
  });
  it('isolates each part of "name · date" so a day cannot cross to the other side of the name', () => {
    const html = renderToStaticMarkup(<BidiParts parts={['Fahad Alotaibi', '18 سبتمبر 2026', null, '#63']} />);
    expect(html).toBe(
      '<bdi dir="auto">Fahad Alotaibi</bdi> · <bdi dir="auto">18 سبتمبر 2026</bdi> · <bdi dir="ltr" style="white-space:nowrap">#63</bdi>',
    );
  });
  it('keeps ISO dates, phones, e-mails and references left to right on one line', () => {
    for (const value of ['2026-10-23', '0512345678', '+966 51 234 5678', 'noura@example.sa', 'REQ-2026-000147']) {
      expect(renderToStaticMarkup(<Isolate text={value} />)).toBe(`<bdi dir="ltr" style="white-space:nowrap">${value}</bdi>`);
    }
    expect(renderToStaticMarkup(<Ltr>2026-10-23</Ltr>)).toContain('white-space:nowrap');
  });
  it('labels a value without letting it leak into the label', () => {
    expect(renderToStaticMarkup(<Labelled label="المكلّف" value="Fahad Alotaibi" />)).toBe('المكلّف: <bdi dir="auto">Fahad Alotaibi</bdi>');
  });
});
