import { describe, expect, it } from 'vitest';
import { swipeDirection } from './swipe.ts';

describe('story swipe', () => {
  it('a quick horizontal stroke moves: left = next, right = previous', () => {
    expect(swipeDirection(-120, 10, 300)).toBe('next');
    expect(swipeDirection(90, -20, 300)).toBe('prev');
  });
  it('short, slow or mostly vertical strokes do nothing', () => {
    expect(swipeDirection(-40, 0, 200)).toBeNull();
    expect(swipeDirection(-200, 0, 1500)).toBeNull();
    expect(swipeDirection(-100, 80, 200)).toBeNull();
  });
});
