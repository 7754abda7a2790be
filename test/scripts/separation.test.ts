import { accuracy, bestThreshold, heldOutAccuracy, median, medianPairedDifference } from '../../scripts/separation';

/**
 * What bench:misses prints: a threshold classifier's accuracy is the share of samples it puts on the
 * right side, so samples that do not overlap are sorted perfectly and the same samples on both sides are
 * sorted no better than a coin toss, once the threshold is judged on samples it was not fitted to.
 */
describe('telling two sets of response times apart', () => {
  it('takes the middle of an odd or even number of values, and of paired differences', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(medianPairedDifference([10, 20, 30], [9, 18, 27])).toBe(2);
  });

  it('scores a rule by the share it puts on the right side', () => {
    expect(accuracy({ at: 10, aIsSlower: true }, [11, 12, 9], [1, 2, 3])).toBeCloseTo(5 / 6);
  });

  it('sorts samples that do not overlap perfectly, either way round', () => {
    const fast = [1, 2, 3, 4, 5, 6];
    const slow = [11, 12, 13, 14, 15, 16];
    expect(bestThreshold(slow, fast).accuracy).toBe(1);
    expect(bestThreshold(fast, slow).accuracy).toBe(1);
    expect(heldOutAccuracy(slow, fast)).toBe(1);
  });

  it('does no better than a coin toss on held-out samples when both sides are the same', () => {
    const same = [...Array(200).keys()].map((i) => (i * 37) % 101);
    expect(heldOutAccuracy(same, same)).toBeLessThanOrEqual(0.5);
  });
});
