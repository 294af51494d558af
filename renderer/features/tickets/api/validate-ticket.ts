import { useMutation } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import { rpc } from '../../../lib/rpc';

export const validateTicket = (input: InputOf<'tickets.validate'>) => rpc.call('tickets.validate', input);

/** A scan changes the ticket: a mutation, never retried (a retry could turn ACCEPTED into ALREADY_USED). */
export const useValidateTicket = () => useMutation({ mutationFn: validateTicket });
