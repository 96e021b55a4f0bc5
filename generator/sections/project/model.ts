export interface Project {
  name: string;
  owner: string;
  costCenter: string;
  description?: string;
}
