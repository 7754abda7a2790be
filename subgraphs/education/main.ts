import { main } from '../kit/agency';
import { educationService } from './service';

main(educationService);
