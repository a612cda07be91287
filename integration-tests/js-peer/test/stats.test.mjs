import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { median, percentile } from '../lib/stats.mjs'

describe('stats', () => {
  const cases = [
    // values, median, p90
    [[5], 5, 5],
    [[3, 1, 2], 2, 3],
    [[4, 1, 3, 2], 2.5, 4],
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 55, 90],
    [[], undefined, undefined]
  ]
  for (const [values, med, p90] of cases) {
    it(`median and p90 of [${values}]`, () => {
      assert.equal(median(values), med)
      assert.equal(percentile(values, 90), p90)
    })
  }

  it('does not reorder its input', () => {
    const values = [3, 1, 2]
    median(values)
    percentile(values, 50)
    assert.deepEqual(values, [3, 1, 2])
  })
})
