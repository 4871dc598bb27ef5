import { toCsv } from '../../commerce/csv';

describe('toCsv', () => {
  it('joins the header and rows with CRLF and ends with CRLF', () => {
    expect(
      toCsv(
        ['note', 'views', 'gmv'],
        [
          ['a', 1, 2.5],
          ['b', 0, 10],
        ],
      ),
    ).toBe('note,views,gmv\r\na,1,2.5\r\nb,0,10\r\n');
  });

  it('writes only the header when there are no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe('a,b\r\n');
  });

  it('quotes cells with commas, quotes or line breaks, doubling the quotes', () => {
    expect(toCsv(['x'], [['a,b'], ['say "hi"'], ['line\nbreak'], ['cr\rlf\r\n'], ['plain']])).toBe(
      'x\r\n"a,b"\r\n"say ""hi"""\r\n"line\nbreak"\r\n"cr\rlf\r\n"\r\nplain\r\n',
    );
  });

  it('quotes header cells the same way', () => {
    expect(toCsv(['a,b', 'c"d'], [])).toBe('"a,b","c""d"\r\n');
  });

  it('leaves null and non-finite numbers empty', () => {
    expect(toCsv(['a', 'b', 'c', 'd', 'e'], [[null, NaN, Infinity, -Infinity, 0]])).toBe('a,b,c,d,e\r\n,,,,0\r\n');
  });

  it.each([['=SUM(A1:A2)'], ['+1'], ['-1'], ['@cmd'], ['\tx']])('prefixes a formula-like cell with an apostrophe: %j', (text) => {
    expect(toCsv(['x'], [[text]])).toBe(`x\r\n'${text}\r\n`);
  });

  it('guards a formula-like cell and still quotes it when needed', () => {
    expect(toCsv(['x'], [['=HYPERLINK("http://x","y")']])).toBe('x\r\n"\'=HYPERLINK(""http://x"",""y"")"\r\n');
    expect(toCsv(['x'], [['\rx']])).toBe('x\r\n"\'\rx"\r\n');
  });

  it('does not guard formula characters that are not at the start', () => {
    expect(toCsv(['x'], [['a=b'], ['1+1'], ['me@example.com']])).toBe('x\r\na=b\r\n1+1\r\nme@example.com\r\n');
  });

  it('does not prefix numbers, negative ones included', () => {
    expect(toCsv(['a', 'b', 'c'], [[-5, -0.25, 1e21]])).toBe('a,b,c\r\n-5,-0.25,1e+21\r\n');
  });
});
