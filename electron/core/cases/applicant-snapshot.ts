import type { Applicant } from '../../../shared/domain';
import type { InsertablePractitionerRow, PractitionerRow } from '../db/schema';

/**
 * A request keeps the applicant exactly as submitted (its snapshot); the
 * practitioners table is the commission's record. Reviews read the snapshot.
 */
export const parseSnapshot = (json: string): Applicant => JSON.parse(json) as Applicant;

export function applicantFromRecord(p: PractitionerRow): Applicant {
  return {
    nameAr: p.name_ar,
    nameEn: p.name_en,
    nationality: p.nationality,
    idType: p.id_type,
    idNumber: p.id_number,
    idExpiry: p.id_expiry,
    birthDate: p.birth_date,
    gender: p.gender,
    email: p.email,
    mobile: p.mobile,
    registrationNumber: p.registration_number,
    profession: p.profession,
    specialty: p.specialty,
    category: p.category,
    card:
      p.card_number && p.card_issued_at && p.card_expires_at
        ? { number: p.card_number, issuedAt: p.card_issued_at, expiresAt: p.card_expires_at }
        : null,
  };
}

export function recordFromApplicant(a: Applicant): Omit<InsertablePractitionerRow, 'id'> {
  return {
    id_type: a.idType,
    id_number: a.idNumber,
    id_expiry: a.idExpiry,
    name_ar: a.nameAr,
    name_en: a.nameEn,
    nationality: a.nationality,
    birth_date: a.birthDate,
    gender: a.gender,
    email: a.email,
    mobile: a.mobile,
    registration_number: a.registrationNumber,
    profession: a.profession,
    specialty: a.specialty,
    category: a.category,
    card_number: a.card?.number ?? null,
    card_issued_at: a.card?.issuedAt ?? null,
    card_expires_at: a.card?.expiresAt ?? null,
  };
}
