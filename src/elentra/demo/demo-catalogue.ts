// The demo school's courses: codes, names, contacts, audience and weekly timetable. Data only; demo-school.ts turns
// it into rows and demo-schedule.ts into learning events. Course 4 has no contacts and course 10 is inactive on
// purpose (awkward cases), and CLIN 220 mixes a cohort with direct enrolments.

export type Cohort = 'senior' | 'junior';

export interface WeeklySeries {
  title: string;
  /** 1 = Monday … 5 = Friday. */
  weekday: number;
  hour: number;
  minute: number;
  minutes: number;
  location: string;
  description: string;
  topics: readonly string[];
  /** Every other teaching week instead of every week. */
  fortnightly?: boolean;
}

export interface DemoCourse {
  id: number;
  code: string;
  name: string;
  description: string;
  term: 'current' | 'upcoming';
  /** The cohort in the audience; null for the elective (a course list). */
  cohort: Cohort | null;
  active: boolean;
  contacts: Array<[proxyId: number, type: string]>;
  series: WeeklySeries[];
  exam: { title: string; weekday: number; hour: number; minutes: number; location: string } | null;
  /** A session split into consecutive group sessions: a parent event with one child per group (parent_id). */
  lab?: {
    title: string;
    weekday: number;
    hour: number;
    minutesEach: number;
    groups: string[];
    everyWeeks: number;
    location: string;
  };
}

const LT_A = 'Lecture Theatre A, Health Sciences 1102';
const LT_B = 'Lecture Theatre B, Health Sciences 1110';
const CSC = 'Clinical Skills Centre, Level 2';

// biome-ignore format: the catalogue reads better compact
export const DEMO_COURSES: readonly DemoCourse[] = [
  {
    id: 1, code: 'MED 101', name: 'Foundations of Medicine I', term: 'current', cohort: 'junior', active: true,
    description: 'Molecular and cellular foundations of health and disease, taught through clinical cases.',
    contacts: [[2, 'director'], [3, 'faculty'], [22, 'ccoordinator'], [177, 'studentrep']],
    series: [
      { title: 'Foundations lecture', weekday: 1, hour: 9, minute: 0, minutes: 90, location: LT_A,
        description: 'Weekly lecture. Slides and readings are posted in Elentra the day before.',
        topics: ['Cell structure', 'Genetics and inheritance', 'Metabolism', 'Immunology basics', 'Inflammation',
          'Haematology', 'Microbiology', 'Pharmacokinetics', 'Nutrition', 'Endocrine signalling', 'Oncology basics',
          'Review'] },
      { title: 'Case-based learning', weekday: 4, hour: 9, minute: 0, minutes: 120, location: 'Small-group rooms, HS 2nd floor',
        description: 'Small-group case discussion. Come prepared with the case questions.',
        topics: ['Fatigue', 'Chest pain', 'Fever', 'Jaundice', 'Weight loss', 'Anaemia', 'Shortness of breath'] },
    ],
    exam: { title: 'MED 101 final examination', weekday: 3, hour: 9, minutes: 180, location: 'Examination Hall' },
  },
  {
    id: 2, code: 'ANAT 110', name: 'Human Anatomy', term: 'current', cohort: 'junior', active: true,
    description: 'Gross anatomy of the trunk and limbs with cadaveric dissection and imaging correlation.',
    contacts: [[4, 'director'], [5, 'faculty'], [160, 'ta'], [22, 'ccoordinator']],
    series: [
      { title: 'Anatomy lecture', weekday: 2, hour: 8, minute: 30, minutes: 90, location: LT_B,
        description: 'Lecture ahead of the week\'s dissection.',
        topics: ['Back', 'Thorax wall', 'Heart', 'Lungs', 'Abdominal wall', 'GI tract', 'Pelvis', 'Upper limb',
          'Lower limb', 'Head and neck overview'] },
    ],
    lab: { title: 'Anatomy lab', weekday: 2, hour: 13, minutesEach: 90, groups: ['Group A', 'Group B'], everyWeeks: 3,
      location: 'Anatomy Lab, B2-014' },
    exam: { title: 'ANAT 110 bell-ringer examination', weekday: 5, hour: 9, minutes: 120, location: 'Anatomy Lab, B2-014' },
  },
  {
    id: 3, code: 'PHYS 120', name: 'Physiology', term: 'current', cohort: 'junior', active: true,
    description: 'Organ-system physiology: cardiovascular, respiratory, renal and gastrointestinal.',
    contacts: [[6, 'director'], [7, 'faculty'], [8, 'faculty']],
    series: [
      { title: 'Physiology lecture', weekday: 3, hour: 10, minute: 30, minutes: 90, location: LT_A,
        description: 'Weekly lecture with an online quiz afterwards.',
        topics: ['Membrane transport', 'Cardiac cycle', 'Blood pressure', 'Ventilation', 'Gas exchange',
          'Glomerular filtration', 'Acid–base balance', 'Gut motility', 'Integration'] },
    ],
    exam: { title: 'PHYS 120 final examination', weekday: 4, hour: 13, minutes: 150, location: 'Examination Hall' },
  },
  {
    id: 4, code: 'PH 140', name: 'Population and Public Health', term: 'current', cohort: 'junior', active: true,
    description: 'Epidemiology, health equity and the public health system. (No course contacts yet.)',
    contacts: [],
    series: [
      { title: 'Population health seminar', weekday: 5, hour: 9, minute: 0, minutes: 60, location: 'Online (Teams)',
        description: 'Fortnightly seminar.', fortnightly: true,
        topics: ['Measuring health', 'Study designs', 'Screening', 'Social determinants', 'Outbreaks',
          'Indigenous health'] },
    ],
    exam: null,
  },
  {
    id: 5, code: 'PATH 210', name: 'Pathology and Pharmacology', term: 'current', cohort: 'senior', active: true,
    description: 'Mechanisms of disease and the drugs that treat them.',
    contacts: [[9, 'director'], [10, 'faculty'], [11, 'faculty'], [23, 'pcoordinator']],
    series: [
      { title: 'Pathology lecture', weekday: 1, hour: 13, minute: 0, minutes: 90, location: LT_B,
        description: 'Weekly pathology lecture.',
        topics: ['Cell injury', 'Neoplasia', 'Haemodynamics', 'Infection', 'Autoimmunity', 'Renal pathology',
          'Liver pathology', 'Lung pathology'] },
      { title: 'Pharmacology lecture', weekday: 3, hour: 13, minute: 0, minutes: 90, location: LT_B,
        description: 'Weekly pharmacology lecture.',
        topics: ['Receptors', 'Autonomic drugs', 'Antimicrobials', 'Analgesics', 'Anticoagulants',
          'Cardiovascular drugs', 'Psychopharmacology'] },
    ],
    exam: { title: 'PATH 210 final examination', weekday: 2, hour: 9, minutes: 180, location: 'Examination Hall' },
  },
  {
    id: 6, code: 'CLIN 220', name: 'Clinical Skills II', term: 'current', cohort: 'senior', active: true,
    description: 'History taking and physical examination of the major systems, with standardized patients.',
    contacts: [[12, 'director'], [5, 'faculty'], [13, 'faculty'], [22, 'ccoordinator']],
    series: [
      { title: 'Clinical skills session', weekday: 4, hour: 13, minute: 30, minutes: 180, location: CSC,
        description: 'Bring your stethoscope. Sessions run in the Clinical Skills Centre.',
        topics: ['Cardiovascular exam', 'Respiratory exam', 'Abdominal exam', 'Neurological exam',
          'Musculoskeletal exam', 'Mental status exam'] },
    ],
    exam: { title: 'CLIN 220 OSCE', weekday: 5, hour: 8, minutes: 240, location: CSC },
  },
  {
    id: 7, code: 'MED 102', name: 'Foundations of Medicine II', term: 'upcoming', cohort: 'junior', active: true,
    description: 'Continues MED 101: organ systems in health and disease.',
    contacts: [[2, 'director'], [14, 'faculty']],
    series: [
      { title: 'Foundations lecture', weekday: 1, hour: 9, minute: 0, minutes: 90, location: LT_A,
        description: 'Weekly lecture.',
        topics: ['Cardiology', 'Respirology', 'Nephrology', 'Gastroenterology', 'Endocrinology', 'Rheumatology'] },
      { title: 'Case-based learning', weekday: 4, hour: 9, minute: 0, minutes: 120, location: 'Small-group rooms, HS 2nd floor',
        description: 'Small-group case discussion.',
        topics: ['Palpitations', 'Cough', 'Oedema', 'Abdominal pain', 'Polyuria', 'Joint pain'] },
    ],
    exam: { title: 'MED 102 final examination', weekday: 3, hour: 9, minutes: 180, location: 'Examination Hall' },
  },
  {
    id: 8, code: 'NEURO 230', name: 'Neurosciences', term: 'upcoming', cohort: 'senior', active: true,
    description: 'Neuroanatomy, clinical neurology and psychiatry.',
    contacts: [[15, 'director'], [16, 'faculty'], [17, 'faculty']],
    series: [
      { title: 'Neurosciences lecture', weekday: 2, hour: 9, minute: 0, minutes: 120, location: LT_B,
        description: 'Weekly lecture.',
        topics: ['Neuroanatomy', 'Stroke', 'Seizures', 'Movement disorders', 'Headache', 'Mood disorders',
          'Psychosis', 'Dementia'] },
    ],
    exam: { title: 'NEURO 230 final examination', weekday: 4, hour: 9, minutes: 180, location: 'Examination Hall' },
  },
  {
    id: 9, code: 'ELEC 250', name: 'Global Health Seminar', term: 'upcoming', cohort: null, active: true,
    description: 'Elective evening seminar on global health practice, open to both classes.',
    contacts: [[18, 'director'], [19, 'faculty']],
    series: [
      { title: 'Global health seminar', weekday: 3, hour: 18, minute: 0, minutes: 90, location: 'Online (Teams)',
        description: 'Evening seminar with guest speakers from partner sites.',
        topics: ['Burden of disease', 'Maternal health', 'Tuberculosis', 'Health systems', 'Climate and health',
          'Ethics of electives'] },
    ],
    exam: null,
  },
  {
    id: 10, code: 'MED 099', name: 'Orientation to Medical School (retired)', term: 'current', cohort: 'junior',
    active: false, description: 'Retired course, kept for its history: it must not get a team.',
    contacts: [[20, 'director']], series: [], exam: null,
  },
];
