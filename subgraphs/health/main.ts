import { main } from '../kit/agency';
import { healthService } from './service';

main(healthService);
