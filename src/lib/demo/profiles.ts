/**
 * Planted regional patterns (documented in data/README.md, "Demo snapshot"). Each regency gets one or
 * more cause profiles with a strength in [0, 1]; a profile multiplies the national base weight of its
 * causes and shifts the household/maternal measurements that make those causes plausible.
 * Grounded loosely in AKS.md: WASH-poor NTT and Papua, KEK/anaemia in eastern Indonesia, child
 * marriage in Madura/Kalimantan Selatan/NTB; everything else leans on caregiving and knowledge.
 */
import type { Regency } from '../domain/regions.ts';

export type ProfileCode = 'wash' | 'maternal' | 'early_marriage' | 'parenting';

export interface Profile {
  code: ProfileCode;
  description: string;
  /** Cause weight multipliers at full strength. */
  boosts: Readonly<Record<string, number>>;
}

export const PROFILES: Readonly<Record<ProfileCode, Profile>> = {
  wash: {
    code: 'wash',
    description: 'Sanitation and drinking water: no proper latrine, unsafe water, infections',
    boosts: { sanitasi: 4, air_minum: 3.5, rumah_tidak_layak: 1.6, penyakit_infeksi: 1.6 }
  },
  maternal: {
    code: 'maternal',
    description: 'Maternal anaemia and chronic energy deficiency (KEK), poor TTD compliance',
    boosts: { anemia: 4, kek: 3.5, ttd_tidak_patuh: 2.5, anc_tidak_lengkap: 1.5, bblr_prematur: 1.5 }
  },
  early_marriage: {
    code: 'early_marriage',
    description: 'Child marriage (pernikahan usia anak) and the four toos',
    boosts: { pernikahan_dini: 6, empat_terlalu: 1.6, pengetahuan_rendah: 1.3 }
  },
  parenting: {
    code: 'parenting',
    description: 'Caregiving and nutrition knowledge: feeding practices, breastfeeding',
    boosts: { pola_asuh: 2.5, pengetahuan_rendah: 2, mpasi_tidak_tepat: 2, asi_tidak_eksklusif: 1.8 }
  }
};

/** Province-wide profiles: [profile, strength]. */
const PROVINCE_PROFILES: Readonly<Record<string, readonly (readonly [ProfileCode, number])[]>> = {
  '53': [['wash', 1]], // Nusa Tenggara Timur
  '91': [['wash', 1]], '92': [['wash', 0.8]], '93': [['wash', 1]], '94': [['wash', 1]], '95': [['wash', 1]], '96': [['wash', 0.8]], // Papua
  '81': [['maternal', 1]], '82': [['maternal', 1]], // Maluku, Maluku Utara
  '71': [['maternal', 0.5]], '72': [['maternal', 0.8]], '73': [['maternal', 0.8]], '74': [['maternal', 0.8]], '75': [['maternal', 0.7]], '76': [['maternal', 0.9]], // Sulawesi
  '52': [['early_marriage', 0.9], ['maternal', 0.6]], // NTB
  '63': [['early_marriage', 0.9]], // Kalimantan Selatan
  '62': [['early_marriage', 0.7]] // Kalimantan Tengah
};

/** Clusters of neighbouring regencies inside provinces that otherwise have the default profile. */
export const CLUSTERS: readonly { name: string; profile: ProfileCode; strength: number; regencies: readonly string[] }[] = [
  { name: 'Jawa Barat selatan (Sukabumi, Cianjur, Garut, Tasikmalaya)', profile: 'wash', strength: 1, regencies: ['32.02', '32.03', '32.05', '32.06'] },
  { name: 'Banten selatan (Pandeglang, Lebak)', profile: 'wash', strength: 1, regencies: ['36.01', '36.02'] },
  { name: 'Madura (Bangkalan, Sampang, Pamekasan, Sumenep)', profile: 'early_marriage', strength: 1, regencies: ['35.26', '35.27', '35.28', '35.29'] }
];
const CLUSTER_OF = new Map(CLUSTERS.flatMap((c) => c.regencies.map((r) => [r, c] as const)));

export type ProfileStrengths = Record<ProfileCode, number>;

/** Profile strengths of a regency. Cities (kota) have better water and sanitation: WASH at 40 %. */
export function regencyProfiles(r: Regency): ProfileStrengths {
  const s: ProfileStrengths = { wash: 0, maternal: 0, early_marriage: 0, parenting: 0 };
  for (const [code, strength] of PROVINCE_PROFILES[r.provinceCode] ?? []) s[code] = strength;
  const cluster = CLUSTER_OF.get(r.code);
  if (cluster) s[cluster.profile] = Math.max(s[cluster.profile], cluster.strength);
  if (r.kind === 'kota') s.wash *= 0.4;
  // Parenting/knowledge is the default mix wherever no other profile dominates.
  const other = Math.max(s.wash, s.maternal, s.early_marriage);
  s.parenting = Math.max(0.2, 1 - other) + (r.kind === 'kota' ? 0.2 : 0);
  return s;
}

/**
 * Implementation capacity offset per province (a z-score added to each regency's latent capacity):
 * drives how far regencies get in the audit calendar and how many recommendations are delivered.
 * Signs follow the BOKB-AKS budget realisation reported in June 2024 (AKS.md §6): high in Riau, DIY,
 * Bali, Gorontalo, Sulbar; low or zero in Sulteng, NTT, Kaltim, Papua Barat, Maluku Utara, Jambi;
 * the new highland Papua provinces are set lowest.
 */
export const PROVINCE_CAPACITY: Readonly<Record<string, number>> = {
  '14': 0.5, '34': 0.6, '51': 0.6, '75': 0.5, '76': 0.4,
  '72': -0.3, '53': -0.3, '64': -0.3,
  '92': -0.5, '82': -0.5, '15': -0.5,
  '93': -0.6, '94': -0.8, '95': -0.8, '96': -0.4, '91': -0.3
};
