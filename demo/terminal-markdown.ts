/**
 * Renders the job-summary Markdown (the subset src/report/summary.ts writes) for a terminal, the
 * way GitHub shows it: tables drawn with aligned columns, `<details>` collapsed unless open,
 * inline HTML and entities resolved. For the demo only; not a general Markdown renderer.
 */

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#124;': '|',
  '&#96;': '`',
  '&#42;': '*',
  '&#40;': '(',
}

/** Inline HTML and Markdown → plain text (a `<br>` becomes a line break). */
export function inlineText(cell: string): string {
  return cell
    .replace(/<br>/g, '\n')
    .replace(/<\/?(code|b|strong|em)>/g, '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/&(?:amp|lt|gt|quot|#124|#96|#42|#40);/g, (e) => ENTITIES[e] ?? e)
}

/** Terminal columns a string takes: the emoji the summary uses are two wide. */
export function displayWidth(text: string): number {
  let width = 0
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0
    if (cp === 0xfe0f || cp === 0x200d) continue
    width += cp === 0x23ed || (cp >= 0x2600 && cp <= 0x27bf) || cp >= 0x1f300 ? 2 : 1
  }
  return width
}

const padTo = (text: string, width: number): string =>
  text + ' '.repeat(Math.max(0, width - displayWidth(text)))

/** Word-wraps one line of a cell to `width` columns (a word longer than that stays whole). */
function wrap(line: string, width: number): string[] {
  const out: string[] = []
  let current = ''
  for (const word of line.split(' ')) {
    if (current !== '' && displayWidth(`${current} ${word}`) > width) {
      out.push(current)
      current = word
    } else current = current === '' ? word : `${current} ${word}`
  }
  out.push(current)
  return out
}

function splitRow(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(' | ')
    .map((c) => c.trim())
}

/** A Markdown table as a box; cells wrap at `maxCell` columns. */
export function renderTable(lines: string[], maxCell = 64): string[] {
  const [header = '', , ...body] = lines
  const rows = [splitRow(header), ...body.map(splitRow)].map((cells) =>
    cells.map((c) =>
      inlineText(c)
        .split('\n')
        .flatMap((l) => wrap(l, maxCell)),
    ),
  )
  const columns = Math.max(...rows.map((r) => r.length))
  const widths = Array.from({ length: columns }, (_, i) =>
    Math.max(1, ...rows.map((r) => Math.max(0, ...(r[i] ?? ['']).map(displayWidth)))),
  )
  const rule = (l: string, m: string, r: string): string =>
    `${l}${widths.map((w) => '─'.repeat(w + 2)).join(m)}${r}`
  const out = [rule('┌', '┬', '┐')]
  rows.forEach((cells, n) => {
    const height = Math.max(...cells.map((c) => c.length))
    for (let k = 0; k < height; k++) {
      out.push(`│ ${widths.map((w, i) => padTo(cells[i]?.[k] ?? '', w)).join(' │ ')} │`)
    }
    if (n === 0) out.push(rule('├', '┼', '┤'))
  })
  out.push(rule('└', '┴', '┘'))
  return out
}

/**
 * The summary as a terminal shows it. Collapsed `<details>` show their title only, unless
 * `expandAll`; open ones show their content.
 */
export function renderMarkdownForTerminal(
  markdown: string,
  options: { expandAll?: boolean; bold?: (s: string) => string } = {},
): string {
  const bold = options.bold ?? ((s: string) => s)
  const lines = markdown.split('\n')
  const out: string[] = []
  const hidden: boolean[] = []
  const isHidden = (): boolean => hidden.some(Boolean)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    const details = /^<details( open)?><summary>(.*)<\/summary>$/.exec(line)
    if (details) {
      const open = details[1] !== undefined || options.expandAll === true
      if (!isHidden()) out.push(`${open ? '▾' : '▸'} ${inlineText(details[2] ?? '')}`)
      hidden.push(!open)
      continue
    }
    if (line === '</details>') {
      hidden.pop()
      continue
    }
    if (isHidden()) continue
    if (line.startsWith('|')) {
      const table: string[] = []
      while (i < lines.length && (lines[i] as string).startsWith('|'))
        table.push(lines[i++] as string)
      i--
      out.push(...renderTable(table))
      continue
    }
    if (/^```|^<\/?pre>$/.test(line)) continue
    const heading = /^#{1,6} (.*)$/.exec(line)
    if (heading) out.push(bold(inlineText(heading[1] ?? '')))
    else out.push(inlineText(line))
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^(▸ .*)\n\n(?=▸ )/gm, '$1\n')
    .trim()
}
