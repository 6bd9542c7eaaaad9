import { describe, expect, it } from 'vitest'
import {
  cleanParagraphs, isBoilerplate, parseByline, parseDateline, parseDateLine, parseDatelineLine, splitPlainText
} from '../../../../shared/pipeline/01-ingest/clean'
import { normalizeDate, parseFrontMatter } from '../../../../shared/pipeline/01-ingest/meta'
import { markdownToParagraphs } from '../../../../shared/pipeline/01-ingest/formats/markdown'

describe('boilerplate lines', () => {
  it.each([
    'Read also: Iran summons envoy over remarks', 'READ MORE', 'Share this', 'Share on Facebook',
    'Facebook Twitter WhatsApp', 'Photo: Reuters/John Smith', '(Photo credit: AFP)', 'Advertisement',
    'Follow us on Twitter', 'Subscribe to our newsletter', '© 2023 The Caspian Ledger', 'All rights reserved.',
    'Related articles', 'Tags: Israel, Azerbaijan', 'Continue reading below', 'Image: Getty'
  ])('drops %j', (line) => expect(isBoilerplate(line)).toBe(true))

  it.each([
    'Shares of the company rose 5% after the announcement.',
    'Photographs of the ceremony were released by the ministry on Thursday.',
    'Followers of the cleric gathered outside the embassy.',
    'Advertisements for the trade fair appeared in Baku.',
    'The relationship was related to the arms trade, officials said.'
  ])('keeps article text %j', (line) => expect(isBoilerplate(line)).toBe(false))
})

describe('bylines', () => {
  it.each([
    ['By: N. Daneshvar', 'N. Daneshvar'],
    ['By Jane Doe', 'Jane Doe'],
    ['— By JANE DOE and Tom Roe | Wire', 'JANE DOE and Tom Roe'],
    ['Written by Anahit Sarkissian', 'Anahit Sarkissian'],
    ['By Jane Doe, Staff Writer', 'Jane Doe'],
    ['By the end of the year, ties had deepened.', ''],
    ['By 1993 Israel had opened an embassy in Baku.', ''],
    ['Byzantine politics returned to the region', '']
  ])('%j → %j', (line, name) => expect(parseByline(line)).toBe(name))
})

describe('date lines and datelines', () => {
  it.each([
    ['March 29, 2023', '2023-03-29'],
    ['Published: 29 March 2023', '2023-03-29'],
    ['Wednesday, March 29, 2023 10:45 AM EST', '2023-03-29'],
    ['2023-03-29T10:15:00Z', '2023-03-29'],
    ['Updated March 30, 2023 | Published March 29, 2023', '2023-03-30'],
    ['March 29, 2023 was a historic day for both countries.', '']
  ])('date line %j → %j', (line, iso) => expect(parseDateLine(line)).toBe(iso))

  it.each([
    ['JERUSALEM, March 29 (Wire) — Azerbaijan opened', 'JERUSALEM, March 29 (Wire) — '.length, ''],
    ['BAKU (Reuters) - The embassy', 'BAKU (Reuters) - '.length, ''],
    ['TEHRAN — Iran warned', 'TEHRAN — '.length, ''],
    ['Tel Aviv, 29 March 2023 (AzerNews) – The opening', 'Tel Aviv, 29 March 2023 (AzerNews) – '.length, '2023-03-29'],
    ['The minister — who spoke first — said', undefined, ''],
    ['US officials - speaking anonymously - said', undefined, '']
  ])('inline dateline in %j', (p, length, date) => {
    const d = parseDateline(p)
    expect(d?.length).toBe(length)
    if (d) expect(d.date).toBe(date)
  })

  it.each([
    ['JERUSALEM, 30 March 2023', '2023-03-30'],
    ['JERUSALEM, March 31 (Meridian Wire Service)', ''],
    ['TEL AVIV, 29 March 2023', '2023-03-29'],
    ['BAKU (Reuters)', ''],
    ['NATO', undefined],
    ['Jerusalem, 30 March 2023', undefined]
  ])('dateline line %j → %j', (line, iso) => expect(parseDatelineLine(line)).toBe(iso))

  it.each([
    ['2023-03-29', '2023-03-29'], ['2023', '2023'], ['March 2023', '2023-03'], ['Mar. 29, 2023', '2023-03-29'],
    ['29th March 2023', '2023-03-29'], ['2023/3/9', '2023-03-09'], ['03/29/2023', '2023-03-29'], ['05/06/2024', ''], ['yesterday', '']
  ])('normalizeDate(%j) = %j', (input, iso) => expect(normalizeDate(input)).toBe(iso))
})

describe('cleanParagraphs', () => {
  it('moves title, byline and date to metadata, strips the inline dateline, collapses the repeated lead', () => {
    const lead = 'JERUSALEM, March 29 (Wire) — Azerbaijan opened its embassy in Tel Aviv on Wednesday.'
    const r = cleanParagraphs(
      ['Embassy opens', 'By Jane Doe', 'March 29, 2023', lead, 'Share this', 'Embassy opens', lead, 'Cohen called ties “strategic”.'],
      { detectTitleLine: true, fileName: 'x.txt' }
    )
    expect(r.title).toBe('Embassy opens')
    expect(r.author).toBe('Jane Doe')
    expect(r.date).toBe('2023-03-29')
    expect(r.paragraphs).toEqual(['Azerbaijan opened its embassy in Tel Aviv on Wednesday.', 'Cohen called ties “strategic”.'])
    expect(r.warnings.map((w) => w.code).sort()).toEqual(['BOILERPLATE_REMOVED', 'DUPLICATE_LEAD_COLLAPSED'])
  })

  it('does not take a first sentence for a title, nor a lone paragraph', () => {
    expect(cleanParagraphs(['It was a calm day.', 'Then the news came.'], { detectTitleLine: true, fileName: 'x' }).title).toBe('')
    expect(cleanParagraphs(['Short line'], { detectTitleLine: true, fileName: 'x' }).paragraphs).toEqual(['Short line'])
  })

  it('removes a known title only when it matches (HTML mode)', () => {
    const r = cleanParagraphs(['Analysis: what comes next', 'Body text.'], { detectTitleLine: false, knownTitle: 'Embassy opens', fileName: 'x' })
    expect(r.paragraphs).toHaveLength(2)
    const r2 = cleanParagraphs(['Embassy  opens', 'Body text.'], { detectTitleLine: false, knownTitle: 'Embassy opens', fileName: 'x' })
    expect(r2.paragraphs).toEqual(['Body text.'])
  })
})

describe('splitPlainText', () => {
  it('keeps one paragraph per line in unwrapped text', () => {
    expect(splitPlainText('Title\nFirst paragraph line.\r\n\r\nSecond.')).toEqual(['Title', 'First paragraph line.', 'Second.'])
  })
  it('joins hard-wrapped lines (e-mail style) and keeps real hyphens', () => {
    const para = 'The ministers met in Jerusalem on Wednesday to open the embassy and to discuss anti-Iranian measures, trade routes and energy supplies across the Caspian region in detail.'
    const wrapped: string[] = []
    let line = ''
    for (const w of para.split(' ')) {
      if ((line + ' ' + w).trim().length > 40) { wrapped.push(line); line = w } else line = (line + ' ' + w).trim()
    }
    wrapped.push(line)
    const text = [wrapped.join('\n'), wrapped.join('\n')].join('\n\n')
    expect(splitPlainText(text)).toEqual([para, para])
  })
})

describe('front matter and markdown', () => {
  it('reads simple front matter', () => {
    const fm = parseFrontMatter('---\ntitle: "Embassy opens"\noutlet: Ledger\nconstructed: true\ndate: March 29, 2023\n---\nBody')
    expect(fm?.meta).toEqual({ title: 'Embassy opens', outlet: 'Ledger', constructed: true, date: 'March 29, 2023' })
    expect(fm?.body).toBe('Body')
    expect(parseFrontMatter('---\nJust a rule\n---\ntext')).toBeUndefined()
  })

  it('turns markdown structure into paragraphs', () => {
    const md = markdownToParagraphs('# Title\n\nA *very* **bold** [link](http://x.org) and `code`,\nwrapped.\n\n## Sub\n\n- one\n- two\n\n> quoted\n> text\n\n![img](a.png)\n\nsnake_case stays\n\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |')
    expect(md.title).toBe('Title')
    expect(md.paragraphs).toEqual(['A very bold link and code, wrapped.', 'Sub', 'one', 'two', 'quoted text', 'snake_case stays', 'a | b', '1 | 2'])
  })
})
