// Read a kb export with citation-js and print what it understood as CSL-JSON (one array on stdout).
// Usage: node read_back.js FILE (bibtex|ris)
'use strict'
const fs = require('fs')
const { Cite, plugins } = require('@citation-js/core')
require('@citation-js/plugin-bibtex')
require('@citation-js/plugin-ris')

const [file, format] = process.argv.slice(2)
const forced = { bibtex: '@biblatex/text', ris: '@ris/file' }[format]
if (!file || !forced) {
  console.error('usage: node read_back.js FILE (bibtex|ris)')
  process.exit(2)
}
const text = fs.readFileSync(file, 'utf8')
const items = plugins.input.chain(text, { forceType: forced, generateGraph: false })
for (const item of items) delete item._graph
process.stdout.write(JSON.stringify(items))
