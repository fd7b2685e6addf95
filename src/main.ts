import './ui/gig-app';
import './ui/explorer-view';
