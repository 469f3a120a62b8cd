/**
 * Seeded randomness for the demo generator. Every random stream is a d3-random LCG whose seed is a
 * hash of (run seed, stream keys), e.g. (seed, regency index, period index, 'cases'): a cell's rows
 * depend only on the seed and the cell, not on how many rows other cells produced or on chunking.
 */
import { randomLcg, randomNormal } from 'd3';

/** 32-bit hash of a list of integers or strings (murmur3 finaliser steps). */
export function hashKeys(...keys: readonly (number | string)[]): number {
  let h = 0x9e3779b9;
  const step = (k: number) => {
    h = Math.imul(h ^ k, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  };
  for (const key of keys) {
    if (typeof key === 'number') {
      step(key >>> 0);
      step(Math.floor(key / 2 ** 32) >>> 0);
    } else {
      for (let i = 0; i < key.length; i++) step(key.charCodeAt(i));
      step(key.length);
    }
  }
  return h >>> 0;
}

export class Rng {
  /** Uniform in [0, 1). */
  readonly next: () => number;
  private readonly n01: () => number;

  constructor(...keys: readonly (number | string)[]) {
    this.next = randomLcg(hashKeys(...keys));
    this.n01 = randomNormal.source(this.next)(0, 1);
  }
  uniform(lo = 0, hi = 1): number {
    return lo + (hi - lo) * this.next();
  }
  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  normal(mean = 0, sd = 1): number {
    return mean + sd * this.n01();
  }
  bernoulli(p: number): boolean {
    return this.next() < p;
  }
  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }
  /** Index drawn with probability proportional to weights (all >= 0, at least one > 0). */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
    return weights.length - 1;
  }
  pick<T>(items: readonly T[], weights: readonly number[]): T {
    return items[this.weightedIndex(weights)];
  }
}

export const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);
export const round1 = (x: number) => Math.round(x * 10) / 10;
export const round2 = (x: number) => Math.round(x * 100) / 100;
export const logistic = (x: number) => 1 / (1 + Math.exp(-x));
