/** `terminated` (已终止): closed by the supervisor without completion (superseded, split, withdrawn); final, never overdue. */
export type TaskStatus = 'not_started' | 'in_progress' | 'submitted' | 'done' | 'returned' | 'terminated';
export type TrafficLight = 'red' | 'yellow' | 'green';
