import './ui/gig-app';
