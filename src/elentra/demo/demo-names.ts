// Fictional names for the demo school, mixed as a Canadian medical class is. Combined by the seeded generator, so
// any resemblance to a real person is chance.

// biome-ignore format: a table reads better ten to a line
export const FIRST_NAMES: readonly string[] = [
  'Aaliyah', 'Aarav', 'Abigail', 'Adebayo', 'Aiden', 'Aisha', 'Alexandre', 'Amara', 'Amelia', 'Ananya',
  'Arjun', 'Ava', 'Benjamin', 'Camille', 'Chloe', 'Daniel', 'Deepika', 'Elijah', 'Emily', 'Emma',
  'Ethan', 'Farah', 'Félix', 'Gabriel', 'Grace', 'Hannah', 'Harper', 'Hiroshi', 'Imani', 'Isaac',
  'Isabella', 'Jacob', 'Jasmine', 'Jia', 'Jonah', 'Julia', 'Kai', 'Kavya', 'Kwame', 'Laila',
  'Leah', 'Liam', 'Lucas', 'Maya', 'Mei', 'Mohammed', 'Nadia', 'Naomi', 'Nathan', 'Noah',
  'Nora', 'Olivia', 'Omar', 'Owen', 'Priya', 'Rafael', 'Rohan', 'Sakura', 'Samuel', 'Sara',
  'Sofia', 'Tariq', 'Thomas', 'Uchenna', 'Victoria', 'Wei', 'William', 'Yasmin', 'Zara', 'Zoé',
];

// biome-ignore format: a table reads better ten to a line
export const LAST_NAMES: readonly string[] = [
  'Abara', 'Ahmed', 'Anderson', 'Bergeron', 'Bhatt', 'Brown', 'Campbell', 'Chen', 'Clarke', 'Côté',
  'Das', 'Delorme', 'Diallo', 'Dubois', 'Edwards', 'Fernandes', 'Fraser', 'Gagnon', 'Ghosh', 'Gill',
  'Grant', 'Hassan', 'Henderson', 'Ibrahim', 'Ito', 'Jackson', 'Johal', 'Kaur', 'Kim', 'Kowalski',
  'Lam', 'Leblanc', 'Lee', 'Li', 'MacDonald', 'Martin', 'McKenzie', 'Mensah', 'Morin', 'Nakamura',
  'Nguyen', 'Novak', 'Okafor', 'Osei', 'Park', 'Patel', 'Pelletier', 'Petrov', 'Quach', 'Rahman',
  'Reid', 'Roy', 'Santos', 'Sato', 'Scott', 'Shah', 'Singh', 'Sokolov', 'Stewart', 'Tremblay',
  'Tran', 'Walker', 'Wang', 'White', 'Wilson', 'Wong', 'Yang', 'Young', 'Zhang', 'Zhou',
];

/** Lower-case ASCII for e-mail addresses and usernames: "Zoé Côté" → "zoe", "cote". */
export function asciiSlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}
