/**
 * Identity-like values never reach a rejects report (issue 20): a run of 10 or more digits (a NIK is
 * 16, a KK number 16, a phone number 10–13) is replaced by as many `*`. Pure.
 */
export const maskIdentity = (s: string): string => s.replace(/\d[\d .-]{8,}\d/g, (m) => (m.replace(/\D/g, '').length >= 10 ? '*'.repeat(m.replace(/\D/g, '').length) : m));

/** A case id that is a NIK-like number (16 digits, separators allowed): refused as an id. */
export const isNikLike = (s: string): boolean => /^\d{16}$/.test(s.replace(/[\s.-]/g, ''));
