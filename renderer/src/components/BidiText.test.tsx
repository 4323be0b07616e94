import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { BidiText } from './BidiText';

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
});
