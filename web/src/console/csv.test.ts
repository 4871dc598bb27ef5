import { describe, expect, it } from 'vitest';
import { csvText, filenameOf } from './csv';

describe('CSV files', () => {
  it('start with a BOM and quote what RFC 4180 says to quote', () => {
    expect(
      csvText(
        ['title', 'price_minor'],
        [
          ['口红, "丝绒"', 19900],
          ['two\nlines', null],
        ],
      ),
    ).toBe('\uFEFFtitle,price_minor\r\n"口红, ""丝绒""",19900\r\n"two\nlines",\r\n');
  });

  it('keep a spreadsheet from running text as a formula', () => {
    expect(csvText(['title'], [['=HYPERLINK("http://x")'], ['-1'], ['@a'], ['plain']])).toBe(
      '\uFEFFtitle\r\n"\'=HYPERLINK(""http://x"")"\r\n\'-1\r\n\'@a\r\nplain\r\n',
    );
    expect(csvText(['n'], [[-1]])).toBe('\uFEFFn\r\n-1\r\n');
  });

  it("are saved under the server's name, its UTF-8 form first", () => {
    expect(filenameOf(`attachment; filename="funnel_.csv"; filename*=UTF-8''funnel%E5%93%81.csv`, 'x.csv')).toBe('funnel品.csv');
    expect(filenameOf('attachment; filename="orders.csv"', 'x.csv')).toBe('orders.csv');
    expect(filenameOf(null, 'x.csv')).toBe('x.csv');
  });
});
